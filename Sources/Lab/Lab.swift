// Lab: materials (elements, formulas, recipes) and cell assembly (protocols, stacks).
