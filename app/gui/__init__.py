"""The desktop GUI: the application, main window, controllers, workers and translations."""
