package vn.hanoi.gdnn.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who is told, from Camunda's identity service: a user's name and e-mail address, a group's members. Only people
 * whose preference includes immediate mails are returned by the {@code immediate…} methods.
 */
@Component
public class People {

  private final IdentityService identity;
  private final Preferences preferences;

  public People(@Lazy IdentityService identity, Preferences preferences) {
    this.identity = identity;
    this.preferences = preferences;
  }

  public Optional<Person> find(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    return Optional.ofNullable(user).map(People::person);
  }

  /** The display name of a user, else the id. */
  public String nameOf(String userId) {
    return find(userId).map(Person::name).orElse(userId);
  }

  /** A group's (unit's) name as the organisation spells it, else its id. */
  public String groupName(String groupId) {
    org.camunda.bpm.engine.identity.Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    return group == null || group.getName() == null ? groupId : group.getName();
  }

  public List<Person> immediate(Collection<String> userIds) {
    return userIds.stream().distinct().map(this::find).flatMap(Optional::stream)
        .filter(p -> preferences.of(p.id()).immediate()).toList();
  }

  /** Members of the groups, each once, who take immediate mails. */
  public List<Person> immediateMembersOf(Collection<String> groupIds) {
    Map<String, Person> members = new LinkedHashMap<>();
    for (String group : groupIds) {
      for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
        members.putIfAbsent(user.getId(), person(user));
      }
    }
    return members.values().stream().filter(p -> preferences.of(p.id()).immediate()).toList();
  }

  static Person person(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    String email = user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail().trim();
    return new Person(user.getId(), name.isEmpty() ? user.getId() : name, email);
  }
}
