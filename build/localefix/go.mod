module a.tongban/localefix

go 1.26
