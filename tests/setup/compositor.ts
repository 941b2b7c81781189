// Every test renders through the frame path the dashboard uses: ink's frames built by the
// compositor, panes' rows placed (src/ui/ink-compositor.ts). Tests that compare with ink's own
// frames turn it off and on themselves.
import { installCompositor } from '../../src/ui/frame/ink-compositor.js';

if (!(await installCompositor())) throw new Error('the ink compositor does not fit the installed ink');
