"""Small, bounded versions of bench/faults.py: kills, flaky Bot API, fuzz, outsiders."""

from __future__ import annotations

from bench import faults


def test_kills_lose_no_entry_and_no_confirmation(tmp_path):
    result = faults.run_process_scenario(30, kills=1, fault_rate=0.0, seed=3, folder=tmp_path,
                                         timeout=60)
    assert result["entries_lost"] == 0 and result["entries_duplicated"] == 0
    assert result["undo_wrong"] == 0  # /deshacer took exactly its own latest entry
    assert result["confirmations_lost"] == 0 and result["other_replies_lost"] == 0
    assert result["postpones"] > 0 and result["postpones_wrong"] == 0  # moved once, not twice
    assert result["flows_wrong"] == 0 and result["questions_duplicated"] == 0


def test_a_flaky_bot_api_still_delivers_everything_once(tmp_path):
    result = faults.run_process_scenario(20, kills=0, fault_rate=0.3, seed=5, folder=tmp_path,
                                         timeout=60)
    assert result["failed_bot_api_calls"] > 0  # the faults did happen
    assert result["entries_lost"] == 0 and result["entries_duplicated"] == 0
    assert result["confirmations_lost"] == 0 and result["other_replies_lost"] == 0
    # 5xx and 429 never took effect: every reply arrives exactly once
    assert result["confirmations_duplicated"] == 0 and result["other_replies_duplicated"] == 0


def test_lost_answers_lose_nothing_and_duplicate_no_entry(tmp_path):
    result = faults.run_process_scenario(20, kills=0, fault_rate=0.3, seed=5, folder=tmp_path,
                                         timeout=60, statuses=(0,))
    assert result["lost_answers"] > 0
    assert result["entries_lost"] == 0 and result["entries_duplicated"] == 0
    assert result["confirmations_lost"] == 0 and result["other_replies_lost"] == 0


def test_fuzzed_messages_and_buttons_never_crash_and_every_tap_is_answered(tmp_path):
    result = faults.run_fuzz(150, seed=11, folder=tmp_path)
    assert result["taps"] > 20
    assert result["unhandled_exceptions"] == 0, result["exception_kinds"]
    assert result["taps_unanswered"] == 0


def test_outsiders_read_nothing_and_write_nothing(tmp_path):
    result = faults.run_outsiders(seed=2, folder=tmp_path)
    assert result["rows_written"] == 0 and result["secrets_read"] == 0
    assert result["left_unknown_group"] and result["unhandled_exceptions"] == 0
