import CNcursesw
import TUI
// NcursesBackend: the only module that talks to ncurses.
