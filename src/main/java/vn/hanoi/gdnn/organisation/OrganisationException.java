package vn.hanoi.gdnn.organisation;

import java.util.List;

/** The organisation file cannot be used; the message lists every problem, each naming its entry. */
public class OrganisationException extends IllegalStateException {

  private final List<String> problems;

  public OrganisationException(String source, List<String> problems) {
    super("Organisation file " + source + " is invalid:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
