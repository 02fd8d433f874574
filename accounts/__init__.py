"""Signing in and the people of the service: passwords, the second factor,
lock-out, session expiry, invitations and deactivation; plus two small tools
other apps use, ``accounts.ratelimit`` and ``accounts.tokens``."""
