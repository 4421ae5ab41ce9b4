"use client";

import { type ReactNode, useState } from "react";

export interface TagEditorProps {
  id: string;
  tags: readonly string[];
  onChange: (tags: string[]) => void;
}

/** Tags as chips: Enter or a comma adds what is typed, × removes one; a tag is there once. */
export function TagEditor({ id, tags, onChange }: TagEditorProps): ReactNode {
  const [text, setText] = useState("");
  const add = (typed: string): void => {
    const tag = typed.trim();
    setText("");
    if (tag !== "" && !tags.includes(tag)) onChange([...tags, tag]);
  };
  return (
    <div className="dash-tags" data-testid="settings-tags">
      {tags.map((tag) => (
        <span key={tag} className="tag dash-tag">
          {tag}
          <button
            type="button"
            className="dash-link-button"
            aria-label={`Remove tag ${tag}`}
            onClick={() => onChange(tags.filter((entry) => entry !== tag))}
            data-testid={`settings-tag-remove-${tag}`}
          >
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        value={text}
        placeholder="Add a tag"
        onChange={(event) => {
          const value = event.target.value;
          if (value.endsWith(",")) add(value.slice(0, -1));
          else setText(value);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            add(text);
          } else if (event.key === "Backspace" && text === "" && tags.length > 0) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={() => add(text)}
        data-testid="settings-tag-input"
      />
    </div>
  );
}
