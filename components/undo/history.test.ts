import { describe, expect, it } from "vitest";
import { COALESCE_MS, emptyHistory, HISTORY_LIMIT, recordEdit, redo, undo } from "./history";

describe("undo history", () => {
  it("undoes and redoes in order, and a new edit clears redo", () => {
    let history = recordEdit(emptyHistory<string>(), "a", undefined, 0);
    history = recordEdit(history, "b", undefined, 10);
    const back = undo(history, "c");
    expect(back?.value).toBe("b");
    const again = undo(back?.history ?? history, "b");
    expect(again?.value).toBe("a");
    const forward = redo(again?.history ?? history, "a");
    expect(forward?.value).toBe("b");
    const edited = recordEdit(forward?.history ?? history, "b", undefined, 20);
    expect(edited.future).toEqual([]);
    expect(undo(emptyHistory<string>(), "x")).toBeUndefined();
    expect(redo(emptyHistory<string>(), "x")).toBeUndefined();
  });

  it("makes one step of quick edits to the same field", () => {
    let history = recordEdit(emptyHistory<string>(), "", "title", 0);
    history = recordEdit(history, "a", "title", 100);
    history = recordEdit(history, "ab", "title", 200);
    expect(history.past).toEqual([""]);
    history = recordEdit(history, "abc", "title", 200 + COALESCE_MS + 1);
    expect(history.past).toEqual(["", "abc"]);
    history = recordEdit(history, "abcd", "unit", 200 + COALESCE_MS + 2);
    expect(history.past).toEqual(["", "abc", "abcd"]);
  });

  it("keeps at most HISTORY_LIMIT steps", () => {
    let history = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) history = recordEdit(history, i, undefined, i);
    expect(history.past.length).toBe(HISTORY_LIMIT);
    expect(history.past[0]).toBe(20);
  });
});
