"""Printing the shown ticket: the flow (``slip_actions``) and the devices (``slip_printer``)."""
