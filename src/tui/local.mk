# src/tui: screens and widgets.
