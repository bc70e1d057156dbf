/** The append-only, hash-chained audit trail: who changed what, when, from where, old and new values. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "shared")
package cn.anhuan.audit;
