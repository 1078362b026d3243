"""Thin Telegram handlers: read the update, call one core service, send the reply."""
