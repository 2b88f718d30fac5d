"""Platforms over HTTP (the built-in simulator, the live-commerce REST contract, YouTube, Twitch,
Shopify, OBS). Everything outside this package sees interfaces, never URLs."""
