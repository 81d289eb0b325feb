package vn.hanoi.gdnn.procedure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The record of a consultation (lấy ý kiến), kept in the Json variable {@code consultationReplies}: one entry per
 * consulted unit with {@code unit}, {@code unitName}, {@code opinion} (agree, agree_with_comments, disagree,
 * no_reply_deemed_agree), {@code opinionLabel}, {@code comments}, {@code repliedOn} (dd/MM/yyyy),
 * {@code repliedBy}, and after consolidation {@code handling} (accepted = tiếp thu, explained = giải trình),
 * {@code handlingLabel}, {@code handlingNote}.
 */
@Component("consultation")
public class Consultation {

  public static final String AGREE = "agree";
  public static final String AGREE_WITH_COMMENTS = "agree_with_comments";
  public static final String DISAGREE = "disagree";
  public static final String NO_REPLY_DEEMED_AGREE = "no_reply_deemed_agree";
  public static final String ACCEPTED = "accepted";
  public static final String EXPLAINED = "explained";

  static final Map<String, String> OPINION_LABELS = Map.of(
      AGREE, "Đồng ý",
      AGREE_WITH_COMMENTS, "Đồng ý, có ý kiến góp ý",
      DISAGREE, "Không đồng ý",
      NO_REPLY_DEEMED_AGREE, "Quá hạn không có ý kiến, được coi là đồng ý");
  static final Map<String, String> HANDLING_LABELS = Map.of(ACCEPTED, "Tiếp thu", EXPLAINED, "Giải trình");

  static final String REPLIES = "consultationReplies";
  static final String UNITS = "consultedUnits";
  static final String RESPONSES = "consultationResponses";

  private final UnitRegistry units;

  public Consultation(UnitRegistry units) {
    this.units = units;
  }

  /**
   * Start listener: offers every consultable unit except the lead unit ({@code unitOptions}, label = name, value =
   * code), keeps the proposed units that can be consulted as the pre-selected list, starts an empty record.
   */
  public void setUp(DelegateExecution execution) {
    String leadUnit = String.valueOf(execution.getVariable("leadUnit"));
    ArrayNode options = JsonNodeFactory.instance.arrayNode();
    units.consultableUnits().forEach((code, name) -> {
      if (!code.equals(leadUnit)) {
        options.addObject().put("label", name).put("value", code);
      }
    });
    Set<String> proposed = new LinkedHashSet<>();
    for (String code : JsonVariables.readStrings(execution, UNITS)) {
      if (units.exists(code) && !code.equals(leadUnit)) {
        proposed.add(code);
      }
    }
    execution.setVariable("unitOptions", JsonVariables.json(options));
    execution.setVariable(UNITS, JsonVariables.json(proposed));
    execution.setVariable(REPLIES, JsonVariables.json(List.of()));
  }

  /** The confirmed units, one multi-instance element each. */
  public List<String> units(DelegateExecution execution) {
    return JsonVariables.readStrings(execution, UNITS);
  }

  /**
   * Records the opinion a unit's staff drafted on its form; a revision after the leader's return replaces the
   * unit's earlier draft. The reply counts once its leader signs it ({@link #recordSignature}).
   */
  public void recordReply(DelegateExecution execution, String unit, String opinion, String comments) {
    removeDraftOf(execution, unit);
    append(execution, unit, opinion, comments, currentUser(execution));
  }

  /** A field of the consulted unit's drafted reply (for its leader's form), empty when there is none. */
  public String draftOf(DelegateExecution execution, String field) {
    String unit = String.valueOf(execution.getVariable("consultedUnit"));
    for (JsonNode reply : JsonVariables.read(execution, REPLIES)) {
      if (unit.equals(reply.path("unit").asText())) {
        return reply.path(field).asText("");
      }
    }
    return "";
  }

  /** The unit's leader signed its reply: the reply is a numbered document of the unit (Decree 30/2020). */
  public void recordSignature(DelegateExecution execution, String unit, String number) {
    JsonNode current = JsonVariables.read(execution, REPLIES);
    ArrayNode replies = current.isArray() ? (ArrayNode) current.deepCopy() : JsonNodeFactory.instance.arrayNode();
    for (JsonNode reply : replies) {
      if (unit.equals(reply.path("unit").asText())) {
        ((ObjectNode) reply).put("replyNumber", number).put("signedBy", currentUser(execution))
            .put("signedOn", OfficialDates.format(OfficialDates.today()));
      }
    }
    execution.setVariable(REPLIES, JsonVariables.json(replies));
  }

  /** Prefix of the entries of comments the public sent through the portal, one entry per comment. */
  public static final String PUBLIC = "nhan-dan-";

  /** Adds each comment received on the portal as an entry to be taken up or explained like a unit's. */
  public void recordPublicComments(DelegateExecution execution, List<String[]> comments) {
    JsonNode current = JsonVariables.read(execution, REPLIES);
    ArrayNode replies = current.isArray() ? (ArrayNode) current.deepCopy() : JsonNodeFactory.instance.arrayNode();
    int n = 0;
    for (String[] comment : comments) {
      n++;
      replies.addObject().put("unit", PUBLIC + n).put("unitName", "Ý kiến Nhân dân qua Cổng thông tin điện tử: "
          + comment[0]).put("opinion", AGREE_WITH_COMMENTS).put("opinionLabel", "Ý kiến góp ý")
          .put("comments", comment[1]).put("repliedOn", OfficialDates.format(OfficialDates.today()))
          .put("repliedBy", "");
    }
    execution.setVariable(REPLIES, JsonVariables.json(replies));
  }

  private void removeDraftOf(DelegateExecution execution, String unit) {
    JsonNode current = JsonVariables.read(execution, REPLIES);
    if (!current.isArray()) {
      return;
    }
    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
    current.forEach(reply -> {
      if (!unit.equals(reply.path("unit").asText())) {
        kept.add(reply);
      }
    });
    execution.setVariable(REPLIES, JsonVariables.json(kept));
  }

  /** Records that {@code consultedUnit} did not reply in time: "quá hạn không có ý kiến được coi là đồng ý". */
  public void recordSilence(DelegateExecution execution) {
    append(execution, String.valueOf(execution.getVariable("consultedUnit")), NO_REPLY_DEEMED_AGREE, "", "");
  }

  /**
   * After every unit replied or fell silent: orders the record as the units were listed, writes a one-line
   * summary ({@code consultationSummary}) and the list of comments awaiting a response
   * ({@code consultationResponses}) for the consolidation form.
   */
  public void summarise(DelegateExecution execution) {
    List<String> order = units(execution);
    List<JsonNode> replies = new ArrayList<>();
    JsonVariables.read(execution, REPLIES).forEach(replies::add);
    // the units as listed, then the public's comments in the order they were recorded
    replies.sort((a, b) -> Integer.compare(position(order, a), position(order, b)));
    ArrayNode responses = JsonNodeFactory.instance.arrayNode();
    int agreed = 0;
    int withComments = 0;
    int disagreed = 0;
    int silent = 0;
    for (JsonNode reply : replies) {
      switch (reply.path("opinion").asText()) {
        case AGREE -> agreed++;
        case AGREE_WITH_COMMENTS -> withComments++;
        case DISAGREE -> disagreed++;
        default -> silent++;
      }
      if (needsResponse(reply)) {
        responses.addObject()
            .put("unit", reply.path("unit").asText())
            .put("unitName", reply.path("unitName").asText())
            .put("opinionLabel", reply.path("opinionLabel").asText())
            .put("comments", reply.path("comments").asText())
            .putNull("handling")
            .put("handlingNote", "");
      }
    }
    execution.setVariable(REPLIES, JsonVariables.json(replies));
    execution.setVariable(RESPONSES, JsonVariables.json(responses));
    execution.setVariable("consultationSummary", "Đã lấy ý kiến " + replies.size() + " đơn vị: " + agreed
        + " đồng ý, " + withComments + " đồng ý có ý kiến góp ý, " + disagreed + " không đồng ý, " + silent
        + " quá hạn không có ý kiến (được coi là đồng ý).");
  }

  private static int position(List<String> order, JsonNode reply) {
    int i = order.indexOf(reply.path("unit").asText());
    return i >= 0 ? i : order.size();
  }

  /** A reply whose comments must be taken up or explained. */
  static boolean needsResponse(JsonNode reply) {
    String opinion = reply.path("opinion").asText();
    return AGREE_WITH_COMMENTS.equals(opinion) || DISAGREE.equals(opinion);
  }

  private void append(DelegateExecution execution, String unit, String opinion, String comments, String user) {
    JsonNode current = JsonVariables.read(execution, REPLIES);
    ArrayNode replies = current.isArray() ? (ArrayNode) current.deepCopy() : JsonNodeFactory.instance.arrayNode();
    ObjectNode reply = replies.addObject()
        .put("unit", unit)
        .put("unitName", units.nameOf(unit))
        .put("opinion", opinion)
        .put("opinionLabel", OPINION_LABELS.get(opinion))
        .put("comments", comments)
        .put("repliedOn", OfficialDates.format(OfficialDates.today()));
    reply.put("repliedBy", user);
    execution.setVariable(REPLIES, JsonVariables.json(replies));
  }

  private static String currentUser(DelegateExecution execution) {
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? "" : authentication.getUserId();
  }
}
