"""mock-interview: an offline, voice-driven mock interview coach for call-center candidates."""

__version__ = "0.1.0"
