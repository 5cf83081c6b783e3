"""Reception desk app for out-of-schedule bookings."""

__version__ = "0.1.0"
