"""Django site for the demo and the browser tests: the xblock-sdk workbench plus range-capable media."""
