// Options the editor loads from Buildin (the database's properties for record editing live here).
export {};
