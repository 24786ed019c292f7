package dev.runtimedoctor.bot.slack.render;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Slack's mrkdwn: escaping of text the bot echoes, and the rendering of an entry's Markdown
 * (CommonMark, parsed by commonmark-java) into what Slack displays.
 */
public final class Mrkdwn {
  private static final Parser PARSER = Parser.builder().build();

  private Mrkdwn() {}

  /**
   * Escapes the three characters Slack treats as markup, so that echoed text such as {@code
   * <!channel>} or {@code <@U123>} is shown, never acted on.
   */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Escaped text safe inside an inline code span: a backtick would close the span early. */
  public static String code(String text) {
    return "`" + escape(text.replace('`', '\'').replace('\n', ' ')) + "`";
  }

  /** The mrkdwn for a CommonMark document. */
  static String fromMarkdown(String markdown) {
    Node document = PARSER.parse(markdown);
    Renderer r = new Renderer();
    document.accept(r);
    return r.out.toString().strip();
  }

  /** Walks the CommonMark tree; block nodes end with a newline, paragraphs with a blank line. */
  private static final class Renderer extends AbstractVisitor {
    private final StringBuilder out = new StringBuilder();
    private String linePrefix = "";
    private int listDepth;

    @Override
    public void visit(Paragraph paragraph) {
      startLine();
      visitChildren(paragraph);
      endBlock(paragraph);
    }

    @Override
    public void visit(Heading heading) {
      startLine();
      out.append('*');
      visitChildren(heading);
      out.append('*');
      endBlock(heading);
    }

    @Override
    public void visit(Text text) {
      out.append(escape(text.getLiteral()));
    }

    @Override
    public void visit(Emphasis emphasis) {
      out.append('_');
      visitChildren(emphasis);
      out.append('_');
    }

    @Override
    public void visit(StrongEmphasis strong) {
      out.append('*');
      visitChildren(strong);
      out.append('*');
    }

    @Override
    public void visit(Code code) {
      out.append(Mrkdwn.code(code.getLiteral()));
    }

    @Override
    public void visit(FencedCodeBlock block) {
      codeBlock(block.getLiteral(), block);
    }

    @Override
    public void visit(IndentedCodeBlock block) {
      codeBlock(block.getLiteral(), block);
    }

    @Override
    public void visit(Link link) {
      String label = plainText(link);
      String url = link.getDestination();
      // A URL with Slack's delimiters in it cannot be a link; show it as text instead.
      if (url.isEmpty() || url.contains("|") || url.contains(">") || url.contains("<")) {
        out.append(escape(label));
      } else if (label.isEmpty() || label.equals(url)) {
        out.append('<').append(url).append('>');
      } else {
        out.append('<').append(url).append('|').append(escape(label)).append('>');
      }
    }

    @Override
    public void visit(Image image) {
      out.append(escape(plainText(image)));
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
      out.append(' ');
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
      out.append('\n').append(linePrefix);
    }

    @Override
    public void visit(ThematicBreak thematicBreak) {
      startLine();
      out.append("──────────");
      endBlock(thematicBreak);
    }

    @Override
    public void visit(HtmlInline html) {
      out.append(escape(html.getLiteral()));
    }

    @Override
    public void visit(HtmlBlock html) {
      startLine();
      out.append(escape(html.getLiteral().strip()));
      endBlock(html);
    }

    @Override
    public void visit(BlockQuote quote) {
      String saved = linePrefix;
      linePrefix = linePrefix + "> ";
      visitChildren(quote);
      linePrefix = saved;
    }

    @Override
    public void visit(BulletList list) {
      listDepth++;
      visitChildren(list);
      listDepth--;
      if (listDepth == 0) {
        out.append('\n');
      }
    }

    @Override
    public void visit(OrderedList list) {
      listDepth++;
      int n = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        renderItem((ListItem) item, n++ + ".");
      }
      listDepth--;
      if (listDepth == 0) {
        out.append('\n');
      }
    }

    @Override
    public void visit(ListItem item) {
      renderItem(item, "•");
    }

    private void renderItem(ListItem item, String marker) {
      startLine();
      String indent = "    ".repeat(listDepth - 1);
      out.append(indent).append(marker).append(' ');
      String saved = linePrefix;
      linePrefix = linePrefix + indent + " ".repeat(marker.length() + 1);
      boolean first = true;
      for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
        if (child instanceof Paragraph p) {
          if (!first) {
            startLine();
            out.append(linePrefix);
          }
          visitChildren(p);
          out.append('\n');
        } else {
          child.accept(this);
        }
        first = false;
      }
      linePrefix = saved;
    }

    private void codeBlock(String literal, Node node) {
      startLine();
      String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
      // Inside a code block Slack still parses &, < and >: escape them, and break any fence.
      out.append("```\n").append(escape(body.replace("```", "ˋˋˋ"))).append("\n```");
      endBlock(node);
    }

    private void startLine() {
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
      if (listDepth == 0) {
        out.append(linePrefix);
      }
    }

    private void endBlock(Node node) {
      out.append('\n');
      // Inside a tight list item paragraphs stay together; elsewhere a blank line separates.
      if (listDepth == 0 && node.getNext() != null) {
        out.append(linePrefix.stripTrailing()).append('\n');
      }
    }

    private static String plainText(Node node) {
      StringBuilder sb = new StringBuilder();
      node.accept(
          new AbstractVisitor() {
            @Override
            public void visit(Text text) {
              sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
              sb.append(code.getLiteral());
            }
          });
      return sb.toString();
    }
  }
}
