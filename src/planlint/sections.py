"""The section tree: headings nest by level; each section spans up to the next heading at its level."""

from __future__ import annotations

from dataclasses import dataclass, field

from planlint.blocks import HEADING, Block


@dataclass
class Section:
    """A heading and everything under it; the root section has no heading and level 0."""

    heading: Block | None
    level: int
    start: int
    end: int
    blocks: list[Block] = field(default_factory=list)  # direct, non-heading blocks
    children: list["Section"] = field(default_factory=list)
    parent: "Section | None" = field(default=None, repr=False)

    def walk(self):
        """This section and all below it, depth first, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def is_empty(self) -> bool:
        return not self.blocks and not self.children


def build_sections(blocks: list[Block], text_length: int) -> Section:
    root = Section(None, 0, 0, text_length)
    stack = [root]
    for b in blocks:
        if b.kind == HEADING:
            while len(stack) > 1 and stack[-1].level >= b.level:
                closed = stack.pop()
                closed.end = b.start
            sec = Section(b, b.level, b.start, text_length, parent=stack[-1])
            stack[-1].children.append(sec)
            stack.append(sec)
        else:
            stack[-1].blocks.append(b)
    return root
