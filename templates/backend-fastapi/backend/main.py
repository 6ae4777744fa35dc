"""The API server. Start it with `python3 -m uvicorn main:app --reload` (port 8000), or
`python3 main.py` (honours HOST and PORT).

It trusts a caller only through Better Auth's JWT, verified against the auth server's public
JWKS (see auth.py); it never sees the Better Auth secret or database.
"""
import logging

from fastapi import Depends, FastAPI  # noqa: F401  (Depends: for your routes, see below)
from fastapi.middleware.cors import CORSMiddleware

from settings import settings  # validates the configuration; exits with one line if it is wrong
from auth import AuthError, AuthUnavailable, RedactTokens, User, auth_error_handler, current_user, require_user  # noqa: F401

# Rejections are logged as warnings on the "auth" logger, in uvicorn's style unless you
# configure logging yourself. Tokens never reach the log, not even from uvicorn's access log.
_auth_logger = logging.getLogger("auth")
if not logging.getLogger().handlers and not _auth_logger.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)s:  %(name)s: %(message)s"))
    _auth_logger.addHandler(_handler)
    _auth_logger.setLevel(logging.INFO)
    _auth_logger.propagate = False
logging.getLogger("uvicorn.access").addFilter(RedactTokens())

# The interactive docs and the schema map every route for anyone who asks: off unless API_DOCS=true.
app = FastAPI(
    title="API",
    docs_url="/docs" if settings.api_docs else None,
    redoc_url="/redoc" if settings.api_docs else None,
    openapi_url="/openapi.json" if settings.api_docs else None,
)

app.add_middleware(
    CORSMiddleware,
    allow_origins=list(settings.cors_origins),
    allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    allow_headers=["Authorization", "Content-Type"],
    expose_headers=["WWW-Authenticate"],
    max_age=600,
)
app.add_exception_handler(AuthError, auth_error_handler)
app.add_exception_handler(AuthUnavailable, auth_error_handler)


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/api/users/me")
def me(user: User = current_user):
    return {"id": user.id, "email": user.email, "name": user.name}


# Your routes: one line protects each of them.
#
# @app.get("/api/notes")
# def notes(user: User = Depends(require_user)):
#     return {"owner": user.id}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host=settings.host, port=settings.port)
