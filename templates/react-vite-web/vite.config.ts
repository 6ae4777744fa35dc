// The React SPA. `vite` serves it on :5173 in development and calls the auth server
// (VITE_API_URL, :3000) cross-origin; `vite build` writes dist/, which the auth server serves.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true },
  preview: { port: 5173, strictPort: true },
});
