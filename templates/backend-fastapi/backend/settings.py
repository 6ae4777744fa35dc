"""Configuration of the API server, read once at start-up.

Values come from the environment; backend/.env only fills the gaps (real environment
variables win). Anything missing or invalid stops the server with one line on stderr, so
it never runs half-configured.
"""
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional, Tuple
from urllib.parse import urlsplit

DOTENV_PATH = Path(__file__).resolve().parent / ".env"

# Better Auth's JWT plugin signs with an asymmetric key; these are the algorithms this
# server verifies. Only the configured one is ever accepted.
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
    cors_origins: Tuple[str, ...]
    host: str
    port: int
    # JWKS_COOLDOWN_SECONDS, or None for auth.py's default.
    jwks_cooldown_seconds: Optional[int] = None
    # API_DOCS=true: serve /docs, /redoc and /openapi.json (off by default: they map the API for anyone).
    api_docs: bool = False


def parse_dotenv(text: str) -> Dict[str, str]:
    """KEY=VALUE lines; `#` comments, `export `, single/double quotes. Nothing is expanded."""
    values: Dict[str, str] = {}
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export "):].lstrip()
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not key.replace("_", "a").isalnum() or key[0].isdigit():
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            quote, value = value[0], value[1:-1]
            if quote == '"':
                value = value.replace("\\n", "\n").replace('\\"', '"')
        else:
            # An unquoted value ends at ` #` (an inline comment).
            hash_at = value.find(" #")
            if hash_at != -1:
                value = value[:hash_at].rstrip()
        values[key] = value
    return values


def read_dotenv(path: Path = DOTENV_PATH) -> Dict[str, str]:
    try:
        return parse_dotenv(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read {path}: {error}") from None


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
    for known in SUPPORTED_ALGORITHMS:
        if value.lower() == known.lower():
            raise ConfigError(f"JWT_ALGORITHM={value} is not recognised (names are case-sensitive): did you mean {known}?")
    raise ConfigError(
        f"JWT_ALGORITHM={value} is not supported; use {choices}, whichever the auth server signs with "
        f"(jwks.keyPairConfig.alg, default EdDSA)"
    )


def load_settings() -> Settings:
    # Literal names, so `check env` can see what this server reads.
    from_environment = {
        "BETTER_AUTH_URL": os.environ.get("BETTER_AUTH_URL"),
        "JWT_ISSUER": os.environ.get("JWT_ISSUER"),
        "JWT_AUDIENCE": os.environ.get("JWT_AUDIENCE"),
        "JWT_ALGORITHM": os.environ.get("JWT_ALGORITHM"),
        "CORS_ORIGIN": os.environ.get("CORS_ORIGIN"),
        "HOST": os.environ.get("HOST"),
        "PORT": os.environ.get("PORT"),
        "JWKS_COOLDOWN_SECONDS": os.environ.get("JWKS_COOLDOWN_SECONDS"),
        "API_DOCS": os.environ.get("API_DOCS"),
    }
    from_file = read_dotenv()

    def value(name: str) -> str:
        found = from_environment[name]
        if found is None:
            found = from_file.get(name)
        return (found or "").strip()

    problems = []

    auth_url = value("BETTER_AUTH_URL")
    auth_origin = jwks_url = ""
    if not auth_url:
        problems.append(
            "BETTER_AUTH_URL is not set: set it (in the environment or backend/.env) to the URL of the "
            "app that serves Better Auth, e.g. http://localhost:3000"
        )
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
    cors_value = value("CORS_ORIGIN")
    if not cors_value:
        problems.append("CORS_ORIGIN is not set: set it to the frontend origin, e.g. http://localhost:3000")
    for item in filter(None, (part.strip() for part in cors_value.split(","))):
        if item == "*":
            problems.append("CORS_ORIGIN=* would let any site call this API; list the frontend origin(s) instead")
            continue
        try:
            origin, url = _origin(item, "CORS_ORIGIN")
            if url != origin:
                raise ConfigError(f"CORS_ORIGIN={item!r} must be an origin (scheme://host[:port]) without a path")
            cors_origins.append(origin)
        except ConfigError as error:
            problems.append(str(error))

    port_value = value("PORT") or "8000"
    port = 0
    if port_value.isdigit() and 0 < int(port_value) < 65536:
        port = int(port_value)
    else:
        problems.append(f"PORT={port_value!r} is not a port number (1-65535)")

    cooldown_value = value("JWKS_COOLDOWN_SECONDS")
    cooldown: Optional[int] = None
    if cooldown_value:
        if cooldown_value.isdigit() and 1 <= int(cooldown_value) <= 3600:
            cooldown = int(cooldown_value)
        else:
            problems.append(f"JWKS_COOLDOWN_SECONDS={cooldown_value!r} is not a whole number of seconds from 1 to 3600")

    docs_value = value("API_DOCS").lower()
    api_docs = docs_value in ("true", "1", "yes", "on")
    if docs_value not in ("", "true", "1", "yes", "on", "false", "0", "no", "off"):
        problems.append(f"API_DOCS={value('API_DOCS')!r} must be true or false (default false: no /docs, /redoc or /openapi.json)")

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
        host=value("HOST") or "127.0.0.1",
        port=port,
        jwks_cooldown_seconds=cooldown,
        api_docs=api_docs,
    )


def load_settings_or_exit() -> Settings:
    try:
        return load_settings()
    except ConfigError as error:
        print(f"backend: configuration error: {error}", file=sys.stderr, flush=True)
        raise SystemExit(1) from None


settings: Settings = load_settings_or_exit()
