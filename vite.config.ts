// Builds the web app (src/web) into dist/web, which the API process serves. Pages are split into their own
// chunks; map (MapLibre) and chart (ECharts) code only loads on the pages that draw them.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Chunks the service worker stores at install, so the inspector app opens offline after one visit. */
const OFFLINE_CHUNKS = [/pages\/mobile\/MobileApp\.tsx$/];

/**
 * Writes precache.json: the entry and the offline pages' chunks with everything they statically import (and
 * their CSS). Fonts and the map/chart libraries stay out: they are large and cached on first use.
 */
function precacheList(): Plugin {
  return {
    name: 'chengzhi-precache-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const files = new Set<string>();
      const add = (fileName: string) => {
        const chunk = byName.get(fileName);
        if (!chunk || files.has(fileName)) return;
        files.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        for (const dep of chunk.imports) add(dep);
      };
      for (const chunk of chunks) {
        const id = chunk.facadeModuleId ?? '';
        if (chunk.isEntry || OFFLINE_CHUNKS.some((re) => re.test(id))) add(chunk.fileName);
      }
      this.emitFile({
        type: 'asset',
        fileName: 'precache.json',
        source: JSON.stringify([...files].sort().map((f) => `/${f}`)),
      });
    },
  };
}

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react(), precacheList()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: true,
    rollupOptions: {
      output: {
        // Named chunks for the two big lazily loaded libraries, so the bundle report can show them.
        manualChunks(id: string) {
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          if (id.includes('node_modules/maplibre-gl/')) return 'maplibre-gl';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
