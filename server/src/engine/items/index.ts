import type { ItemDef } from './item.js';
export type { ItemDef } from './item.js';
export const ITEMS: ItemDef[] = [];
export function getItem(id: string): ItemDef | undefined { return ITEMS.find((i) => i.id === id); }
