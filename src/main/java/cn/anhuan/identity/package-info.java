/** Accounts, roles, data scope, login (form, HTTP Basic, API tokens) and the platform's security rules. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = {"shared", "audit", "organization"})
package cn.anhuan.identity;
