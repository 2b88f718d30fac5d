"""The built-in simulated platform: a live room and a store played by ``model.SimulatorModel``,
served over HTTP by ``server.SimulatorServer`` exactly as the live-commerce REST contract says.

Run it on its own with ``curator-console simulate-platform`` (``cli.py``), or inside the app
with ``runner.start_embedded()``. Standard library only: no Qt, no database, no requests.

Import from the submodules (``model``, ``server``, ``runner``): this package imports nothing, so
the command line can register ``simulate-platform`` without loading the simulator.
"""
