import { type HotkeyItem, useHotkeys } from "@mantine/hooks";

/** Elements whose own Enter (follow, press, open) a page's Enter shortcut must not take over. */
const ownsEnter =
  "a[href], button, summary, select, [role=button], [role=link], [role=menuitem], [role=option], [role=tab]";

/**
 * The workspace's keyboard shortcuts. Like Mantine's useHotkeys (nothing fires while typing in a field or an
 * editor), and besides: nothing fires while an input method is composing a character (its Enter picks a word), an
 * Enter shortcut leaves a focused link or button its own Enter, and a shortcut cancels the key's default only when it
 * acts, so a key it passes over keeps doing what it does.
 */
export function useShortcuts(shortcuts: HotkeyItem[]): void {
  useHotkeys(
    shortcuts.map(([hotkey, handler, options]) => [
      hotkey,
      (event: KeyboardEvent) => {
        if (event.isComposing || event.keyCode === 229) return;
        const target = event.target instanceof Element ? event.target : null;
        if (/enter/i.test(hotkey) && target?.closest(ownsEnter)) return;
        event.preventDefault();
        handler(event);
      },
      { ...options, preventDefault: false },
    ]),
  );
}
