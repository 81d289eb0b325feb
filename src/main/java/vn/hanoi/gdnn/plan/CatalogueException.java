package vn.hanoi.gdnn.plan;

import java.util.List;
import java.util.stream.Collectors;

/** The catalogue (or an amendment) is not valid; nothing was changed. Lists every problem at once. */
public class CatalogueException extends RuntimeException {

  private final transient List<CatalogueProblem> problems;

  public CatalogueException(List<CatalogueProblem> problems) {
    super("Danh mục nhiệm vụ không hợp lệ: " + problems.stream().map(CatalogueProblem::toString)
        .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public CatalogueException(String entry, String field, String message) {
    this(List.of(new CatalogueProblem(entry, field, message)));
  }

  public List<CatalogueProblem> problems() {
    return problems;
  }
}
