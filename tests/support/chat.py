"""Reading what the bot sent, for handler tests on :class:`FakeTelegram`."""

from __future__ import annotations

from tests.support.fake_telegram import Call, FakeTelegram


def last(fake: FakeTelegram, method: str = "sendMessage") -> Call:
    """The last successful call of ``method``."""
    return fake.sent(method)[-1]


def data_of(call: Call, label_start: str) -> str:
    """The callback data of the button whose label starts with ``label_start``."""
    return next(data for label, data in call.buttons() if label.startswith(label_start))


def toasts(fake: FakeTelegram) -> list[str]:
    """The texts of every button-press answer, in order."""
    return [c.params.get("text") or "" for c in fake.sent("answerCallbackQuery")]


def refuse_sends_to(fake: FakeTelegram, chat_id: int, status: int, description: str,
                    **parameters: int) -> list[dict]:
    """From now on Telegram refuses every message to ``chat_id`` with this error
    (``parameters`` such as ``migrate_to_chat_id`` go in the answer's parameters).
    Returns the list the refused attempts are added to."""
    answer = fake.handle
    refused: list[dict] = []

    def handle(method: str, params: dict) -> tuple[int, dict]:
        if method == "sendMessage" and int(params.get("chat_id") or 0) == chat_id:
            refused.append(params)
            body: dict = {"ok": False, "error_code": status, "description": description}
            if parameters:
                body["parameters"] = parameters
            return status, body
        return answer(method, params)

    fake.handle = handle  # type: ignore[method-assign]
    return refused
