// Workbench: the app — state, actions, reducer, panes, key bindings.
