package dev.runtimedoctor.bot.slack.handler;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A click on a button or a choice in a menu of one of the bot's messages, reduced to what the
 * handlers act on.
 *
 * @param value the button's value, or the chosen option's
 * @param blockId the block the element sits in (a menu's carries what the choice is about)
 * @param ephemeral whether the message is one only the clicker sees
 * @param thread the thread of the message, or the message itself when it starts none; empty for an
 *     ephemeral message
 * @param inputs the text typed in the view's fields (the Home tab's search), by action id
 */
public record ButtonPress(
    String user,
    String channel,
    String responseUrl,
    String actionId,
    String value,
    String blockId,
    boolean ephemeral,
    Optional<String> thread,
    Map<String, String> inputs) {

  public ButtonPress {
    inputs = Map.copyOf(inputs);
  }

  static ButtonPress of(BlockActionPayload p) {
    BlockActionPayload.Action a =
        p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0);
    String value = "";
    if (a != null && a.getSelectedOption() != null) {
      value = a.getSelectedOption().getValue();
    } else if (a != null && a.getValue() != null) {
      value = a.getValue();
    }
    BlockActionPayload.Container c = p.getContainer();
    String channel =
        p.getChannel() != null
            ? p.getChannel().getId()
            : c != null && c.getChannelId() != null ? c.getChannelId() : "";
    boolean ephemeral = c != null && c.isEphemeral();
    Optional<String> thread = Optional.empty();
    if (!ephemeral && p.getMessage() != null) {
      thread =
          Optional.ofNullable(p.getMessage().getThreadTs())
              .or(() -> Optional.ofNullable(p.getMessage().getTs()));
    }
    Map<String, String> inputs = new HashMap<>();
    if (p.getView() != null
        && p.getView().getState() != null
        && p.getView().getState().getValues() != null) {
      p.getView()
          .getState()
          .getValues()
          .values()
          .forEach(
              fields ->
                  fields.forEach(
                      (actionId, v) -> {
                        if (v != null && v.getValue() != null) {
                          inputs.put(actionId, v.getValue());
                        }
                      }));
    }
    return new ButtonPress(
        p.getUser() == null ? "" : p.getUser().getId(),
        channel == null ? "" : channel,
        p.getResponseUrl(),
        a == null || a.getActionId() == null ? "" : a.getActionId(),
        value == null ? "" : value,
        a == null || a.getBlockId() == null ? "" : a.getBlockId(),
        ephemeral,
        thread,
        inputs);
  }
}
