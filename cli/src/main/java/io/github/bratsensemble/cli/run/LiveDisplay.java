package io.github.bratsensemble.cli.run;

import java.io.PrintWriter;
import java.util.List;

/**
 * Keeps a block of lines at the bottom of a terminal and redraws it in place with ANSI escape
 * sequences: the cursor moves up over the previous block ({@code ESC[nA}), the screen is cleared
 * from there down ({@code ESC[J}) and the new block is printed. Lines printed with {@link
 * #printAbove} scroll up above the block. Not thread-safe; {@link Progress} serialises the calls.
 */
final class LiveDisplay {
  private static final String ESC = "\u001b[";

  private final PrintWriter err;
  private int drawnLines;

  LiveDisplay(PrintWriter err) {
    this.err = err;
  }

  /** Replaces the block with {@code lines}. */
  void draw(List<String> lines) {
    erase();
    for (String line : lines) {
      err.print(line);
      err.print('\n');
    }
    drawnLines = lines.size();
    err.flush();
  }

  /** Prints {@code text} above the block, then draws {@code lines} below it. */
  void printAbove(String text, List<String> lines) {
    erase();
    err.print(text);
    err.print('\n');
    drawnLines = 0;
    draw(lines);
  }

  /** Removes the block, leaving the cursor where it started. */
  void clear() {
    erase();
    drawnLines = 0;
    err.flush();
  }

  private void erase() {
    if (drawnLines > 0) {
      err.print("\r" + ESC + drawnLines + "A" + ESC + "J");
    }
  }
}
