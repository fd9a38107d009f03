package blog;

public enum Role {
  MEMBER,
  ADMIN
}
