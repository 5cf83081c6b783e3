"""What every feature stands on: the app and its session, dialogs, crash handling, tasks."""
