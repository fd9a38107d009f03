package com.example.blog;

/** What transactions.md's registration calls but does not show. */
public abstract class Accounts {
  protected abstract void welcome(UserStruct user);
}
