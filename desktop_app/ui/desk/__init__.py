"""The booking desk: the main window, the booking form, the ticket, the pickers, messages."""
