import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // Port 3000 in development too: BETTER_AUTH_URL and backend/.env's CORS_ORIGIN expect it.
  server: { port: 3000, strictPort: true },
  preview: { port: 3000, strictPort: true },
});
