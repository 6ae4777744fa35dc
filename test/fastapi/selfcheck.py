"""Version-agnostic self-check of the FastAPI backend template against whatever FastAPI,
Starlette, PyJWT, cryptography and uvicorn the running interpreter has.

    /usr/bin/python3 test/fastapi/selfcheck.py                # Debian: FastAPI 0.92, PyJWT 2.6
    .venv/bin/python test/fastapi/selfcheck.py [backend-dir]  # e.g. after pip install -r requirements.txt

It (1) checks that every third-party API the template uses exists with the parameters it
passes, then (2) imports the template itself and drives its ASGI app in-process (no HTTP
client library, no network: the JWKS fetch is replaced by an in-memory key set) with valid
and hostile tokens for EdDSA, ES256 and RS256. Exit 0 = all good; otherwise a list of failures.
"""
import asyncio
import inspect
import json
import os
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # never leave __pycache__ in the template folder
HERE = Path(__file__).resolve().parent
DEFAULT_BACKEND = HERE.parent.parent / "templates" / "backend-fastapi" / "backend"
failures = []


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + (f"  ({detail})" if detail and not condition else ""))
    if not condition:
        failures.append(name)


def params(fn):
    return set(inspect.signature(fn).parameters)


# --- 1. The APIs the template uses -------------------------------------------------------
import cryptography  # noqa: E402
import fastapi  # noqa: E402
import jwt  # noqa: E402
import starlette  # noqa: E402
import uvicorn  # noqa: E402
from fastapi import Depends, FastAPI, Request  # noqa: E402,F401
from fastapi.concurrency import run_in_threadpool  # noqa: E402,F401
from fastapi.middleware.cors import CORSMiddleware  # noqa: E402
from fastapi.responses import JSONResponse  # noqa: E402,F401
from fastapi.security import HTTPBearer  # noqa: E402
from starlette.datastructures import Headers  # noqa: E402

print(
    f"python {sys.version.split()[0]}, fastapi {fastapi.__version__}, starlette {starlette.__version__}, "
    f"PyJWT {jwt.__version__}, cryptography {cryptography.__version__}, uvicorn {uvicorn.__version__}"
)
check("HTTPBearer(auto_error=, bearerFormat=)", {"auto_error", "bearerFormat"} <= params(HTTPBearer.__init__))
check(
    "CORSMiddleware(allow_origins, allow_methods, allow_headers, expose_headers, max_age)",
    {"allow_origins", "allow_methods", "allow_headers", "expose_headers", "max_age"} <= params(CORSMiddleware.__init__),
)
check("FastAPI(docs_url=, redoc_url=, openapi_url=) (API_DOCS)", {"docs_url", "redoc_url", "openapi_url"} <= params(FastAPI.__init__))
check("FastAPI.add_exception_handler / add_middleware", hasattr(FastAPI, "add_exception_handler") and hasattr(FastAPI, "add_middleware"))
check("Headers.getlist", hasattr(Headers, "getlist"))
check("uvicorn.run", callable(uvicorn.run))
check(
    "jwt.decode(algorithms, options, audience, issuer, leeway)",
    {"algorithms", "options", "audience", "issuer", "leeway"} <= params(jwt.decode),
)
check("jwt.PyJWK(jwk, algorithm=)", "algorithm" in params(jwt.PyJWK.__init__))
check("jwt.get_unverified_header", callable(jwt.get_unverified_header))
for exc in (
    "ExpiredSignatureError",
    "ImmatureSignatureError",
    "InvalidSignatureError",
    "InvalidIssuerError",
    "InvalidAudienceError",
    "MissingRequiredClaimError",
    "InvalidTokenError",
):
    check(f"jwt.{exc}", issubclass(getattr(jwt, exc, type(None)), jwt.InvalidTokenError) or exc == "InvalidTokenError")
check("jwt.MissingRequiredClaimError().claim", jwt.MissingRequiredClaimError("sub").claim == "sub")
algorithms = jwt.algorithms.get_default_algorithms()
check("PyJWT has EdDSA, ES256, RS256 (cryptography installed)", {"EdDSA", "ES256", "RS256"} <= set(algorithms))

# --- 2. The template itself, in-process ----------------------------------------------------
from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa  # noqa: E402

backend_dir = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else DEFAULT_BACKEND
ISSUER = "http://auth.test"
os.environ.update(BETTER_AUTH_URL=ISSUER, CORS_ORIGIN="http://app.test", JWT_ISSUER="", JWT_AUDIENCE="", JWT_ALGORITHM="EdDSA", PORT="8000")
sys.path.insert(0, str(backend_dir))
import auth  # noqa: E402
import main  # noqa: E402

check("settings: issuer/audience default to the BETTER_AUTH_URL origin", main.settings.issuer == ISSUER == main.settings.audience)
check("routes /health and /api/users/me", {"/health", "/api/users/me"} <= {getattr(r, "path", None) for r in main.app.routes})


async def call(app, path, headers=(), method="GET"):
    """One request straight into the ASGI app; returns (status, headers dict, body)."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers],
        "client": ("127.0.0.1", 1234), "server": ("testserver", 80),
    }
    messages = [{"type": "http.request", "body": b"", "more_body": False}]
    sent = []

    async def receive():
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body


def key_pair(alg):
    if alg == "EdDSA":
        private = ed25519.Ed25519PrivateKey.generate()
        to_jwk = jwt.algorithms.OKPAlgorithm.to_jwk
    elif alg == "ES256":
        private = ec.generate_private_key(ec.SECP256R1())
        to_jwk = jwt.algorithms.ECAlgorithm.to_jwk
    else:
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        to_jwk = jwt.algorithms.RSAAlgorithm.to_jwk
    jwk = json.loads(to_jwk(private.public_key()))
    jwk.update(kid=f"kid-{alg}", alg=alg)
    return private, jwk


def token(private, alg, kid, **claims):
    now = int(time.time())
    payload = {"iat": now, "email": "ada@example.com", "name": "Ada", "sub": "user_1", "exp": now + 600, "iss": ISSUER, "aud": ISSUER}
    payload.update(claims)
    payload = {k: v for k, v in payload.items() if v is not None}
    return jwt.encode(payload, private, algorithm=alg, headers={"kid": kid})


async def scenario(alg):
    private, jwk = key_pair(alg)
    fetches = []

    def fetch(url):
        fetches.append(url)
        return {"keys": [jwk]}

    auth.verifier.algorithm = alg
    auth.verifier.jwks = auth.JWKSCache(main.settings.jwks_url, alg, fetch=fetch)
    kid = jwk["kid"]
    public_pem = private.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    import base64

    def b64(data):
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    none_token = b64(json.dumps({"alg": "none", "kid": kid}).encode()) + "." + b64(json.dumps({"sub": "x", "iss": ISSUER, "aud": ISSUER, "exp": int(time.time()) + 60}).encode()) + "."
    import hashlib
    import hmac

    hs_input = b64(json.dumps({"alg": "HS256", "kid": kid}).encode()) + "." + b64(json.dumps({"sub": "x", "iss": ISSUER, "aud": ISSUER, "exp": int(time.time()) + 60}).encode())
    hs_token = hs_input + "." + b64(hmac.new(public_pem, hs_input.encode(), hashlib.sha256).digest())

    status, _, body = await call(main.app, "/api/users/me", [("Authorization", "Bearer " + token(private, alg, kid))])
    check(f"{alg}: valid token → 200", status == 200 and json.loads(body) == {"id": "user_1", "email": "ada@example.com", "name": "Ada"}, f"{status} {body!r}")
    cases = [
        ("expired", token(private, alg, kid, exp=int(time.time()) - 60), "token_expired"),
        ("nbf in the future", token(private, alg, kid, nbf=int(time.time()) + 60), "invalid_token"),
        ("wrong iss", token(private, alg, kid, iss="http://evil.test"), "invalid_token"),
        ("iss a prefix of the expected one", token(private, alg, kid, iss="http"), "invalid_token"),
        ("wrong aud", token(private, alg, kid, aud="http://other.test"), "invalid_token"),
        ("missing sub", token(private, alg, kid, sub=None), "invalid_token"),
        ("unknown kid", token(private, alg, "other-kid"), "invalid_token"),
        ("alg none", none_token, "invalid_token"),
        ("HS256 with the public key", hs_token, "invalid_token"),
    ]
    for name, bad, error in cases:
        status, headers, body = await call(main.app, "/api/users/me", [("Authorization", "Bearer " + bad)])
        check(
            f"{alg}: {name} → 401 {error}",
            status == 401 and json.loads(body) == {"error": error} and headers.get("www-authenticate") == 'Bearer error="invalid_token"',
            f"{status} {body!r}",
        )
    check(f"{alg}: one JWKS fetch (unknown kid within the cooldown does not refetch)", len(fetches) == 1, str(len(fetches)))


async def run():
    status, _, body = await call(main.app, "/health")
    check("/health → 200", status == 200 and json.loads(body) == {"status": "ok"})
    status, headers, body = await call(main.app, "/api/users/me")
    check("no token → 401 missing_token, WWW-Authenticate: Bearer", status == 401 and json.loads(body) == {"error": "missing_token"} and headers.get("www-authenticate") == "Bearer")
    status, headers, _ = await call(
        main.app, "/api/users/me", [("Origin", "http://app.test"), ("Access-Control-Request-Method", "GET"), ("Access-Control-Request-Headers", "authorization")], method="OPTIONS"
    )
    check("CORS preflight from CORS_ORIGIN", status == 200 and headers.get("access-control-allow-origin") == "http://app.test")
    status, headers, _ = await call(main.app, "/api/users/me", [("Origin", "http://evil.test"), ("Access-Control-Request-Method", "GET")], method="OPTIONS")
    check("CORS preflight from another origin gets no Allow-Origin", "access-control-allow-origin" not in headers)

    def unreachable(url):
        raise OSError("connection refused")

    auth.verifier.jwks = auth.JWKSCache(main.settings.jwks_url, "EdDSA", fetch=unreachable)
    auth.verifier.algorithm = "EdDSA"
    private, _ = key_pair("EdDSA")
    status, _, body = await call(main.app, "/api/users/me", [("Authorization", "Bearer " + token(private, "EdDSA", "kid-EdDSA"))])
    check("JWKS unreachable, nothing cached → 503 auth_unavailable", status == 503 and json.loads(body) == {"error": "auth_unavailable"}, f"{status} {body!r}")
    for alg in ("EdDSA", "ES256", "RS256"):
        await scenario(alg)


asyncio.run(run())
print(f"\n{'all checks passed' if not failures else str(len(failures)) + ' check(s) FAILED: ' + ', '.join(failures)}")
sys.exit(1 if failures else 0)
