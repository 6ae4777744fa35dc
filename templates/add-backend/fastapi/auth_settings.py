"""The token verifier's configuration (added by `create-better-auth-jwt add backend`).

Read from the environment once, when auth.py is first imported: load your .env before that,
as your app already does. Only the verifier's variables are read; anything missing or
invalid stops the server with one line on stderr, so it never runs unable to verify tokens.
Same rules as the generated FastAPI backend's settings.py.
"""
import os
import sys
from dataclasses import dataclass
from typing import Optional, Tuple
from urllib.parse import urlsplit

# Better Auth's JWT plugin signs with an asymmetric key; only the configured one is accepted.
SUPPORTED_ALGORITHMS = ("EdDSA", "ES256", "RS256")


class ConfigError(Exception):
    """A configuration problem, worded for the person starting the server."""


@dataclass(frozen=True)
class Settings:
    better_auth_url: str
    jwks_url: str
    issuer: str
    audience: str
    algorithm: str
    # CORS_ORIGIN, for CORSMiddleware (empty when unset).
    cors_origins: Tuple[str, ...] = ()
    # JWKS_COOLDOWN_SECONDS, or None for auth.py's default.
    jwks_cooldown_seconds: Optional[int] = None


def _origin(value: str, name: str) -> Tuple[str, str]:
    """(origin, url without trailing slash) of an http(s) URL, or a ConfigError naming `name`."""
    parts = urlsplit(value)
    try:
        port = parts.port
    except ValueError:
        raise ConfigError(f"{name}={value!r} has an invalid port") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{name}={value!r} is not an http(s) URL such as http://localhost:3000")
    if parts.query or parts.fragment:
        raise ConfigError(f"{name}={value!r} must not have a query string or fragment")
    host = parts.hostname
    if ":" in host:
        host = f"[{host}]"
    default_port = 80 if parts.scheme == "http" else 443
    if port is not None and port != default_port:
        host = f"{host}:{port}"
    origin = f"{parts.scheme}://{host}"
    return origin, origin + parts.path.rstrip("/")


def _algorithm(value: str) -> str:
    if value in SUPPORTED_ALGORITHMS:
        return value
    choices = ", ".join(SUPPORTED_ALGORITHMS)
    if value.upper().startswith("HS"):
        raise ConfigError(
            f"JWT_ALGORITHM={value} is not possible: Better Auth's JWT plugin signs tokens with an "
            f"asymmetric private key, and this API verifies them with the public keys from the JWKS "
            f"(<BETTER_AUTH_URL>/api/auth/jwks), so there is no shared secret to verify an HMAC with. "
            f"Set JWT_ALGORITHM to the auth server's jwks.keyPairConfig.alg ({choices}; default EdDSA)"
        )
    if value.lower() == "none":
        raise ConfigError(f"JWT_ALGORITHM=none would accept unsigned tokens; use one of {choices}")
    raise ConfigError(f"JWT_ALGORITHM={value} is not supported; use {choices}, whichever the auth server signs with")


def load_settings() -> Settings:
    def value(name: str) -> str:
        return (os.environ.get(name) or "").strip()

    problems = []
    auth_url = value("BETTER_AUTH_URL")
    auth_origin = jwks_url = ""
    if not auth_url:
        problems.append("BETTER_AUTH_URL is not set: set it to the URL of the app that serves Better Auth, e.g. http://localhost:3000")
    else:
        try:
            auth_origin, auth_url = _origin(auth_url, "BETTER_AUTH_URL")
            jwks_url = auth_url + "/api/auth/jwks"
        except ConfigError as error:
            problems.append(str(error))

    algorithm = value("JWT_ALGORITHM") or "EdDSA"
    try:
        algorithm = _algorithm(algorithm)
    except ConfigError as error:
        problems.append(str(error))

    cors_origins = []
    for item in filter(None, (part.strip() for part in value("CORS_ORIGIN").split(","))):
        try:
            origin, url = _origin(item, "CORS_ORIGIN")
            if url != origin:
                raise ConfigError(f"CORS_ORIGIN={item!r} must be an origin (scheme://host[:port]) without a path")
            cors_origins.append(origin)
        except ConfigError as error:
            problems.append(str(error))

    cooldown_value = value("JWKS_COOLDOWN_SECONDS")
    cooldown: Optional[int] = None
    if cooldown_value:
        if cooldown_value.isdigit() and 1 <= int(cooldown_value) <= 3600:
            cooldown = int(cooldown_value)
        else:
            problems.append(f"JWKS_COOLDOWN_SECONDS={cooldown_value!r} is not a whole number of seconds from 1 to 3600")

    if problems:
        raise ConfigError("; ".join(problems))
    return Settings(
        better_auth_url=auth_url,
        jwks_url=jwks_url,
        # Better Auth's defaults for `iss` and `aud` are the origin of its baseURL.
        issuer=value("JWT_ISSUER") or auth_origin,
        audience=value("JWT_AUDIENCE") or auth_origin,
        algorithm=algorithm,
        cors_origins=tuple(cors_origins),
        jwks_cooldown_seconds=cooldown,
    )


def load_settings_or_exit() -> Settings:
    try:
        return load_settings()
    except ConfigError as error:
        print(f"token verifier: configuration error: {error}", file=sys.stderr, flush=True)
        raise SystemExit(1) from None


settings: Settings = load_settings_or_exit()
