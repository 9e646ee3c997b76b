#!/usr/bin/env node
// The installed command runs the compiled program (npm run build writes dist/).
import '../dist/src/main.js';
