/**
 * A layout as users get it (`parseFormat`, `Struct#layout`): frozen, nested records
 * too, and printable. Done once per cached layout, on first hand-out, so that code
 * that only packs or unpacks carries neither.
 */
import { installPrinting } from "../print/hook.js";
import { layoutRepr } from "../print/layout-repr.js";
import type { Layout } from "../types.js";

function deepFreeze(layout: Layout): Layout {
  for (const f of layout.fields) {
    if (f.fields !== null) deepFreeze(f.fields);
    if (f.shape !== null) Object.freeze(f.shape);
    if (f.target !== null) Object.freeze(f.target);
    Object.freeze(f);
  }
  Object.freeze(layout.fields);
  installPrinting(layout, layoutRepr);
  return Object.freeze(layout);
}

/**
 * The layout, frozen and printable (the same object every time).
 *
 * @example
 * publicLayout(layoutOf("<i", "lp64")).size; // 4
 */
export function publicLayout(layout: Layout): Layout {
  return Object.isFrozen(layout) ? layout : deepFreeze(layout);
}
