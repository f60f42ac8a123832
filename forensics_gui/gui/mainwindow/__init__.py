"""The main window: navigator, pages, editors, menus and the store menu."""
