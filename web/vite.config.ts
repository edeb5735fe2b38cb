import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** Third-party packages grouped into long-lived vendor chunks (the rolldown form of `manualChunks`). */
const nm = (pattern: string): RegExp => new RegExp(`[\\\\/]node_modules[\\\\/](${pattern})[\\\\/]`);

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: nm('react|react-dom|scheduler|react-router|react-router-dom|cookie'), priority: 40 },
            { name: 'echarts', test: nm('echarts|zrender|tslib'), priority: 30 },
            { name: 'i18n', test: nm('i18next|react-i18next|html-parse-stringify|void-elements'), priority: 30 },
            // antd and its rc-* / cssinjs / icons dependencies needed by the first screen; the
            // components only lazy pages use stay in those pages' chunks.
            {
              name: 'antd',
              test: nm('antd|@ant-design|@rc-component|rc-[\\w-]+|@emotion|stylis|dayjs|classnames|@babel'),
              tags: ['$initial'],
              priority: 20,
            },
          ],
        },
      },
    },
  },
});
