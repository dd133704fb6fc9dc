from career_explorer.launcher import console

console()
