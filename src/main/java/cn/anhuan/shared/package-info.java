/** Shared kernel: data scope, problem details, paging, web and database infrastructure. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared")
package cn.anhuan.shared;
