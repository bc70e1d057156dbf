/** The organisation: the region tree, departments, and which department supervises which industry. */
@org.springframework.modulith.ApplicationModule(displayName = "Organization", allowedDependencies = {"shared", "audit"})
package cn.anhuan.organization;
