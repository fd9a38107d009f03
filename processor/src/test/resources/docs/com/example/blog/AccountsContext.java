package com.example.blog;

/** What transactions.md's registration calls but does not show (not Accounts: schemas.md's Account generates that). */
public abstract class AccountsContext {
  protected abstract void welcome(UserStruct user);
}
