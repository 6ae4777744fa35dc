/// <reference types="vite/client" />

// Only VITE_ variables reach the browser bundle, and every one of them is public:
// never put a secret here (the auth server's secrets live in .env without the prefix).
interface ImportMetaEnv {
  /** The auth server (Better Auth + the API), e.g. http://localhost:3000. */
  readonly VITE_API_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
