"use client";

// R32, the ARIA grid pattern: one tab stop for the whole grid (roving tabindex), arrow keys move
// between cells, Home/End to the row's ends (with Ctrl: the grid's), PageUp/PageDown by a screen.
// Rows are virtualised, so a move first scrolls the target row into the DOM, then focuses it.
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from "react";

/** row -1 is the header row; column 0 the name column. */
export type GridPosition = { row: number; column: number };

export function cellKey(position: GridPosition): string {
  return `${position.row}:${position.column}`;
}

export function useGridKeyboard(options: {
  rowCount: number;
  columnCount: number;
  /** Rows per screen, for PageUp/PageDown (read when the key is pressed). */
  getPageSize: () => number;
  gridRef: RefObject<HTMLElement | null>;
  scrollToRow: (row: number) => void;
  /** Enter on a data cell (R32: Enter saves). */
  onEnter: () => void;
}) {
  const { rowCount, columnCount, getPageSize, gridRef, scrollToRow, onEnter } = options;
  const [position, setPosition] = useState<GridPosition>({ row: 0, column: 1 });
  const shouldFocus = useRef(false);

  // Filtering can shrink the grid under the remembered position.
  const active = useMemo<GridPosition>(
    () => ({ row: Math.min(position.row, rowCount - 1), column: Math.min(position.column, columnCount - 1) }),
    [position, rowCount, columnCount],
  );

  const moveTo = useCallback(
    (row: number, column: number) => {
      const next = { row: Math.max(-1, Math.min(row, rowCount - 1)), column: Math.max(0, Math.min(column, columnCount - 1)) };
      shouldFocus.current = true;
      if (next.row >= 0) scrollToRow(next.row);
      setPosition(next);
    },
    [rowCount, columnCount, scrollToRow],
  );

  useEffect(() => {
    if (!shouldFocus.current) return;
    let frame = 0;
    let attempts = 0;
    const key = cellKey(active);
    const focus = () => {
      const target = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${key}"]`);
      if (target) {
        shouldFocus.current = false;
        target.focus();
      } else if (attempts++ < 20) {
        frame = requestAnimationFrame(focus);
      }
    };
    focus();
    return () => cancelAnimationFrame(frame);
  });

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      // Rows can be inserted above the focused one while users stream in (decision 008): a move
      // starts from the focused cell's position now, not from the index remembered when it was focused.
      const { row, column } = positionOf(event.target) ?? active;
      if (event.key === "Enter") {
        const cell = event.target as HTMLElement;
        // Only on a data cell itself: a header's sort button and a widget inside a cell (the
        // resend button, reached by mouse) keep their own Enter.
        if (!cell.dataset.cell || cell.dataset.cell.startsWith("-1:")) return;
        event.preventDefault();
        // A cell's own action (R17: resend the invitation) comes first; elsewhere Enter saves.
        const action = cell.querySelector<HTMLButtonElement>("button[data-cell-action]:not(:disabled)");
        if (action) action.click();
        else onEnter();
        return;
      }
      const moves: Record<string, () => void> = {
        ArrowDown: () => moveTo(row + 1, column),
        ArrowUp: () => moveTo(row - 1, column),
        ArrowRight: () => moveTo(row, column + 1),
        ArrowLeft: () => moveTo(row, column - 1),
        Home: () => (event.ctrlKey ? moveTo(0, 0) : moveTo(row, 0)),
        End: () => (event.ctrlKey ? moveTo(rowCount - 1, columnCount - 1) : moveTo(row, columnCount - 1)),
        PageDown: () => moveTo(Math.max(row, 0) + getPageSize(), column),
        PageUp: () => moveTo(Math.max(row - getPageSize(), 0), column),
      };
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      move();
    },
    [active, moveTo, rowCount, columnCount, getPageSize, onEnter],
  );

  /** A click or Tab onto a cell makes it the grid's tab stop. */
  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const focused = positionOf(event.target);
    if (!focused) return;
    setPosition((current) => (current.row === focused.row && current.column === focused.column ? current : focused));
  }, []);

  return { active, onKeyDown, onFocus };
}

/** The position of the cell containing `target` ("row:column" in its data-cell), or null. */
function positionOf(target: EventTarget): GridPosition | null {
  const key = target instanceof Element ? target.closest<HTMLElement>("[data-cell]")?.dataset.cell : undefined;
  if (!key) return null;
  const [row, column] = key.split(":").map(Number) as [number, number];
  return { row, column };
}
