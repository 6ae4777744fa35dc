"""Who is calling? Verifies Better Auth's JWT (Authorization: Bearer) against the public JWKS.

Protect a route with one line:

    @app.get("/api/notes")
    def notes(user: User = current_user):      # or: user: User = Depends(require_user)
        return {"owner": user.id}

A request without a valid token gets 401 `{"error": "missing_token" | "invalid_token" |
"token_expired"}` with a WWW-Authenticate header; if the auth server cannot be reached and
no signing key is cached yet, 503 `{"error": "auth_unavailable"}`. Never a 500, never a pass.
The reason for each rejection is logged (never the token itself), in the same words as the
Node backends: "token expired", "bad signature", "wrong issuer (expected ...)", ...
"""
import base64
import json
import logging
import re
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Optional

import jwt
from fastapi import Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer

from settings import settings

logger = logging.getLogger("auth")

LEEWAY_SECONDS = 5  # clock skew tolerated on exp / nbf / iat
JWKS_COOLDOWN_SECONDS = 30.0  # at most one JWKS request per this many seconds (env JWKS_COOLDOWN_SECONDS overrides)
JWKS_RETRY_SECONDS = 5.0  # after a failed JWKS request, when nothing is cached yet
JWKS_MAX_AGE_SECONDS = 600.0  # refresh the cached keys after this long (on the next request)
JWKS_TIMEOUT_SECONDS = 5.0
JWKS_MAX_BYTES = 1 << 20
MAX_TOKEN_LENGTH = 8192

# A compact JWS: three base64url segments (the signature may be empty, as in `alg: none`,
# which is then rejected by the algorithm check with a clear reason).
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")

# What a usable JWK looks like for each algorithm this server can be configured with.
_KEY_TYPES = {
    "EdDSA": ("OKP", ("Ed25519", "Ed448")),
    "ES256": ("EC", ("P-256",)),
    "RS256": ("RSA", None),
}


@dataclass(frozen=True)
class User:
    """The caller, from the verified token's claims."""

    id: str
    email: Optional[str]
    name: Optional[str]
    claims: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


class AuthError(Exception):
    """401: `error` goes to the client (generic), `reason` only to the log."""

    def __init__(self, error: str, reason: str) -> None:
        super().__init__(reason)
        self.error = error
        self.reason = reason

    def response(self) -> JSONResponse:
        challenge = "Bearer" if self.error == "missing_token" else 'Bearer error="invalid_token"'
        return JSONResponse({"error": self.error}, status_code=401, headers={**NO_STORE, "WWW-Authenticate": challenge})


class AuthUnavailable(Exception):
    """503: no signing key is cached and the JWKS cannot be fetched right now."""

    def __init__(self, retry_after: float = JWKS_RETRY_SECONDS) -> None:
        super().__init__("JWKS unavailable and no key cached")
        self.retry_after = retry_after

    def response(self) -> JSONResponse:
        headers = {**NO_STORE, "Retry-After": str(max(1, int(self.retry_after)))}
        return JSONResponse({"error": "auth_unavailable"}, status_code=503, headers=headers)


# Sent with every protected answer, success or not: per-user data must not be stored by the
# browser or a shared cache. A route may still override it.
NO_STORE = {"Cache-Control": "private, no-store"}


def _short(value: Any) -> str:
    """A header value fit for a log line: repr'd and cut short (it comes from the caller)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _fetch_json(url: str) -> Any:
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "better-auth-jwt-backend"})
    with urllib.request.urlopen(request, timeout=JWKS_TIMEOUT_SECONDS) as response:
        body = response.read(JWKS_MAX_BYTES + 1)
    if len(body) > JWKS_MAX_BYTES:
        raise ValueError("JWKS response is too large")
    return json.loads(body.decode("utf-8"))


class JWKSCache:
    """Public keys by `kid`, fetched lazily from the JWKS URL.

    An unknown `kid` (key rotation) triggers a refetch, but at most one request per cooldown,
    so a flood of made-up `kid`s cannot become a flood of requests to the auth server. Fetches
    are serialised by a lock: concurrent requests wait for the one fetch in flight.
    """

    def __init__(
        self,
        url: str,
        algorithm: str,
        cooldown: float = JWKS_COOLDOWN_SECONDS,
        retry: float = JWKS_RETRY_SECONDS,
        max_age: float = JWKS_MAX_AGE_SECONDS,
        fetch: Callable[[str], Any] = _fetch_json,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.url = url
        self.algorithm = algorithm
        self.cooldown = cooldown
        self.retry = retry
        self.max_age = max_age
        self._fetch = fetch
        self._clock = clock
        self._keys: Dict[Optional[str], Any] = {}
        self._fetched_at: Optional[float] = None  # last successful fetch
        self._next_fetch_at = 0.0
        self._lock = threading.Lock()

    def cached(self, kid: Optional[str]) -> Optional[Any]:
        """The key for `kid` if it is cached and fresh; no I/O, no lock."""
        fetched_at = self._fetched_at
        if fetched_at is None or self._clock() - fetched_at >= self.max_age:
            return None
        return self._select(self._keys, kid)

    def get(self, kid: Optional[str]) -> Any:
        """The key for `kid`, fetching the JWKS if allowed. Blocking: call it off the event loop."""
        with self._lock:
            now = self._clock()
            key = self._select(self._keys, kid)
            fresh = self._fetched_at is not None and now - self._fetched_at < self.max_age
            if key is not None and fresh:
                return key
            if now >= self._next_fetch_at:
                try:
                    self._keys = self._download()
                    self._fetched_at = now
                    self._next_fetch_at = now + self.cooldown
                except Exception as error:  # network, HTTP status, JSON: all mean "not now"
                    self._next_fetch_at = now + (self.cooldown if self._fetched_at is not None else min(self.retry, self.cooldown))
                    logger.warning("could not fetch the JWKS from %s: %s", self.url, error)
                key = self._select(self._keys, kid)
            if key is not None:
                return key
            if self._fetched_at is None:
                raise AuthUnavailable(min(self.retry, self.cooldown))
            raise AuthError("invalid_token", f"no key with kid {_short(kid)} in the JWKS")

    @staticmethod
    def _select(keys: Dict[Optional[str], Any], kid: Optional[str]) -> Optional[Any]:
        key = keys.get(kid)
        if key is None and kid is None and len(keys) == 1:
            key = next(iter(keys.values()))
        return key

    def _download(self) -> Dict[Optional[str], Any]:
        document = self._fetch(self.url)
        if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
            raise ValueError('the response is not a JWKS ({"keys": [...]})')
        kty, curves = _KEY_TYPES[self.algorithm]
        keys: Dict[Optional[str], Any] = {}
        skipped = []
        for jwk in document["keys"]:
            if not isinstance(jwk, dict):
                continue
            kid = jwk.get("kid")
            usable = (
                jwk.get("kty") == kty
                and (curves is None or jwk.get("crv") in curves)
                and jwk.get("alg") in (None, self.algorithm)
                and jwk.get("use") in (None, "sig")
                and (kid is None or isinstance(kid, str))
            )
            if usable:
                try:
                    keys.setdefault(kid, jwt.PyJWK(jwk, algorithm=self.algorithm).key)
                    continue
                except Exception as error:
                    logger.warning("skipping JWKS key %s: %s", _short(kid), error)
            skipped.append(f"{jwk.get('kty')}/{jwk.get('crv') or jwk.get('alg')}")
        if not keys and skipped:
            logger.warning(
                "the JWKS at %s has no %s key (it has %s): does JWT_ALGORITHM match the auth server's "
                "jwks.keyPairConfig.alg?",
                self.url,
                self.algorithm,
                ", ".join(skipped),
            )
        return keys


def _is_claims_object(token: str) -> bool:
    """Whether the payload segment decodes to a JSON object (checked before any key lookup)."""
    segment = token.split(".")[1]
    try:
        claims = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    except Exception:
        return False
    return isinstance(claims, dict)


class TokenVerifier:
    def __init__(self, jwks: JWKSCache, algorithm: str, issuer: str, audience: str) -> None:
        self.jwks = jwks
        self.algorithm = algorithm
        self.issuer = issuer
        self.audience = audience

    async def verify(self, token: str) -> User:
        """The user a Bearer token stands for, or AuthError / AuthUnavailable."""
        if len(token) > MAX_TOKEN_LENGTH or not _TOKEN_SHAPE.fullmatch(token):
            raise AuthError("invalid_token", "malformed token (not three base64url segments)")
        try:
            header = jwt.get_unverified_header(token)
        except Exception:
            raise AuthError("invalid_token", "malformed token header") from None
        alg = header.get("alg")
        if alg != self.algorithm:
            # Before anything else: this rules out `none`, HMAC with the public key, RS/ES confusion.
            raise AuthError("invalid_token", f"algorithm {_short(alg)} is not allowed (JWT_ALGORITHM={self.algorithm})")
        kid = header.get("kid")
        if kid is not None and not isinstance(kid, str):
            raise AuthError("invalid_token", "malformed token header (kid is not a string)")
        if not _is_claims_object(token):
            raise AuthError("invalid_token", "invalid token payload (not a JSON object)")

        key = self.jwks.cached(kid)
        if key is None:
            key = await run_in_threadpool(self.jwks.get, kid)
        return self._decode(token, key)

    def _decode(self, token: str, key: Any) -> User:
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[self.algorithm],
                issuer=self.issuer,
                audience=self.audience,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError:
            raise AuthError("token_expired", "token expired") from None
        except jwt.ImmatureSignatureError:
            raise AuthError("invalid_token", "token not yet valid (nbf/iat in the future)") from None
        except jwt.InvalidSignatureError:
            raise AuthError("invalid_token", "bad signature") from None
        except jwt.InvalidIssuerError:
            raise AuthError("invalid_token", f"wrong issuer (expected {self.issuer})") from None
        except jwt.InvalidAudienceError:
            raise AuthError("invalid_token", f"wrong audience (expected {self.audience})") from None
        except jwt.MissingRequiredClaimError as error:
            raise AuthError("invalid_token", f"missing claim {error.claim}") from None
        except jwt.InvalidTokenError as error:
            raise AuthError("invalid_token", f"invalid token ({type(error).__name__}: {error})") from None
        except Exception as error:  # odd claim types can raise TypeError in some PyJWT versions
            raise AuthError("invalid_token", f"invalid token ({type(error).__name__})") from None

        if claims.get("iss") != self.issuer:
            # Exact match, whatever the PyJWT version (2.10.0 matched issuer substrings).
            raise AuthError("invalid_token", f"wrong issuer (expected {self.issuer})")
        sub = claims.get("sub")
        if not isinstance(sub, str) or not sub:
            raise AuthError("invalid_token", "sub claim is not a non-empty string")
        email = claims.get("email")
        name = claims.get("name")
        return User(
            id=sub,
            email=email if isinstance(email, str) else None,
            name=name if isinstance(name, str) else None,
            claims=claims,
        )


verifier = TokenVerifier(
    JWKSCache(settings.jwks_url, settings.algorithm, cooldown=settings.jwks_cooldown_seconds or JWKS_COOLDOWN_SECONDS),
    algorithm=settings.algorithm,
    issuer=settings.issuer,
    audience=settings.audience,
)

# Only documents the scheme in /docs ("Authorize" button); require_user reads the header itself
# so it can tell a missing token from a malformed one.
_bearer_scheme = HTTPBearer(auto_error=False, bearerFormat="JWT")


async def require_user(request: Request, response: Response, _docs: Any = Depends(_bearer_scheme)) -> User:
    """FastAPI dependency: the verified user, or a 401/503 (via the handlers in main.py)."""
    try:
        # Only ever the Authorization header: a token in the URL ends up in logs and histories.
        values = request.headers.getlist("authorization")
        if not values:
            raise AuthError("missing_token", "no Authorization header")
        if len(values) > 1:
            raise AuthError("invalid_token", "more than one Authorization header")
        scheme, _, token = values[0].strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthError("invalid_token", "Authorization is not a Bearer token")
        user = await verifier.verify(token.strip())
        response.headers.update(NO_STORE)
        return user
    except AuthError as error:
        logger.warning("401 %s %s: %s", request.method, request.url.path, error.reason)
        raise
    except AuthUnavailable as error:
        logger.warning("503 %s %s: %s", request.method, request.url.path, error)
        raise


# `def route(user: User = current_user)` — or put it in a router's `dependencies=[current_user]`.
current_user = Depends(require_user)


async def auth_error_handler(request: Request, error: Exception) -> JSONResponse:
    if isinstance(error, (AuthError, AuthUnavailable)):
        return error.response()
    raise error


_JWT_IN_TEXT = re.compile(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*)?")


class RedactTokens(logging.Filter):
    """Masks anything JWT-shaped in a log record (e.g. ?token=… in uvicorn's access log)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = _JWT_IN_TEXT.sub("[redacted]", record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_JWT_IN_TEXT.sub("[redacted]", a) if isinstance(a, str) else a for a in record.args)
        return True
